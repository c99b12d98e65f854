/**
 * The deep link an experience QR code carries, one for every client (CLI, console):
 * `minirelease://experience?app=<appId>&version=<x.y.z>`. The host app registers the `minirelease` scheme,
 * opens the app by id and, for a signed-in experiencer, resolves it on the `experience` channel (the resolver
 * decides; the version in the link is what the developer expected to be opened). No server address and no
 * token: a QR code is passed around and photographed, so it carries nothing secret and nothing that differs
 * between the console's origin and the CLI's `--server` (docs/glossary.md, "experience version").
 */
export function experienceLink(appId: string, version: string): string {
  // encodeURIComponent, not URLSearchParams: core is pure and has neither DOM nor Node globals.
  return `minirelease://experience?app=${encodeURIComponent(appId)}&version=${encodeURIComponent(version)}`;
}
