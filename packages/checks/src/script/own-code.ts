/**
 * Which files are the app's own code. Reviewers judge what the developer wrote; vendored libraries and
 * framework builds are their authors' business, and judging them would bury real findings in noise.
 */

const VENDORED = /(^|\/)(node_modules|miniprogram_npm)\//;
/** Prebuilt files by name: `*.min.js`, and the bundles uni-app (`common/vendor.js`) and Taro emit at the root. */
const BUILT = /(\.min\.[cm]?js$)|(^(common\/)?(vendor|vendors|runtime|taro)\.js$)/;

/** Scripts: JavaScript, TypeScript, and the template script languages (Alipay SJS, WeChat WXS). */
const SCRIPT = /\.([cm]?js|ts|sjs|wxs)$/;
const TEMPLATE = /\.(axml|wxml)$/;

export function isVendored(path: string): boolean {
  return VENDORED.test(path) || BUILT.test(path);
}

/** Under `node_modules`/`miniprogram_npm`: a library, whatever its content. */
export function isLibraryPath(path: string): boolean {
  return VENDORED.test(path);
}

/** A framework bundle by name (`common/vendor.js`, `taro.js`, `*.min.js`): vendored unless it keeps own module ids. */
export function isBundleName(path: string): boolean {
  return BUILT.test(path);
}

/** The chunks that hold the framework's runtime and the libraries: uni-app's and Taro's. */
const VENDOR_CHUNK = /^(common\/)?(vendor|vendors|runtime|taro)$/;
/** webpack's own modules (`(webpack)/buildin/global.js`) and Node built-ins it left out (`util (ignored)`). */
const WEBPACK_OWN = /^\(webpack\)|\(ignored\)$/;
/** A module id the build kept as a source path (`./src/utils/http.js`, `./pages/a/a.vue?vue&type=script`). */
const PATH_ID = /[/\\]|\.(m?[jt]sx?|vue|nvue)(\?|$)/;

/**
 * Whether a webpack module is the framework's or a library's rather than the app's: by its id when the
 * build kept paths (`node_modules` in it, or not), else by its chunk (uni-app's `common/vendor`, Taro's
 * `taro` and `vendors`), else by its file's name. Page chunks, `common/main.js` and Taro's `common.js` hold
 * the app's own modules.
 */
export function isVendorModule(id: string, chunkNames: readonly string[], path: string): boolean {
  // A module built through loaders is named `loader!…!resource` (Taro's Vue pages:
  // `./node_modules/@tarojs/taro-loader/lib/raw.js!./src/pages/index/index.vue`): the resource is what it is.
  const resource = id.slice(id.lastIndexOf('!') + 1);
  if (/(^|[/\\])node_modules[/\\]/.test(resource) || WEBPACK_OWN.test(resource)) return true;
  if (PATH_ID.test(resource)) return false;
  return chunkNames.some((name) => VENDOR_CHUNK.test(name)) || BUILT.test(path);
}

/**
 * A minified file that is not a chunk is the app's own when the host runs it as the app's code: `app.js`,
 * uni-app's `common/main.js`, and page or component scripts (a template of the same name beside it). A
 * minified library (`ec-canvas/echarts.js`) has none of these.
 */
export function isAppScript(path: string, files: ReadonlyMap<string, unknown>): boolean {
  if (path === 'app.js' || path === 'common/main.js') return true;
  const base = path.replace(/\.[^./]+$/, '');
  return files.has(`${base}.wxml`) || files.has(`${base}.axml`);
}

export function isScriptPath(path: string): boolean {
  return SCRIPT.test(path) && !path.endsWith('.d.ts');
}

export function isTemplatePath(path: string): boolean {
  return TEMPLATE.test(path);
}

/** SJS and WXS run in the template's sandbox: no `my`/`wx`, no pages; only their syntax is checked. */
export function isTemplateScript(path: string): boolean {
  return path.endsWith('.sjs') || path.endsWith('.wxs');
}

const LONG_LINE = 500;
/** One ASCII punctuator (`;,{}()`) every this many characters at least: code, not a base64 or data string. */
const DENSITY = 40;

/**
 * A minified build, by its shape: at least 2 KB of which half or more sits in lines of 500+ characters that
 * are dense with punctuators. Hand-written code keeps short lines; a long line that is one string literal
 * (a base64 icon, a long text) has no punctuators and does not make a file minified.
 */
export function isMinified(source: string): boolean {
  if (source.length < 2048) return false;
  let dense = 0;
  let start = 0;
  while (start < source.length) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    if (end - start >= LONG_LINE && isDense(source, start, end)) dense += end - start;
    start = end + 1;
  }
  return dense * 2 >= source.length;
}

function isDense(source: string, start: number, end: number): boolean {
  let punctuators = 0;
  for (let i = start; i < end; i += 1) {
    const c = source.charCodeAt(i);
    // ; , { } ( )
    if (c === 59 || c === 44 || c === 123 || c === 125 || c === 40 || c === 41) punctuators += 1;
  }
  return punctuators * DENSITY >= end - start;
}
