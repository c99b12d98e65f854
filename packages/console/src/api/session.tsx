import { MiniReleaseClient } from '@minirelease/sdk';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';

export const TOKEN_KEY = 'minirelease.token';

interface Session {
  token: string | null;
  client: MiniReleaseClient;
  signIn(token: string): void;
  signOut(): void;
}

const Context = createContext<Session | null>(null);

/**
 * The token is typed once and kept for the tab in sessionStorage (DESIGN §9): never in a URL, a cookie or
 * localStorage, so it neither leaks into logs and history nor outlives the tab.
 */
export function SessionProvider({
  children,
  baseUrl = location.origin,
}: {
  children: ReactNode;
  /** The API's origin: the page's own, but for component tests that talk to a stub server. */
  baseUrl?: string;
}) {
  const [token, setToken] = useState<string | null>(() => sessionStorage.getItem(TOKEN_KEY));
  const value = useMemo<Session>(
    () => ({
      token,
      client: new MiniReleaseClient({ baseUrl, ...(token ? { token } : {}) }),
      signIn(next) {
        sessionStorage.setItem(TOKEN_KEY, next);
        setToken(next);
      },
      signOut() {
        sessionStorage.removeItem(TOKEN_KEY);
        setToken(null);
      },
    }),
    [token, baseUrl],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useSession(): Session {
  const value = useContext(Context);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

export function useClient(): MiniReleaseClient {
  return useSession().client;
}
