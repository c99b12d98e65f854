import { useQuery } from '@tanstack/react-query';
import { useClient } from './session.js';

/** The checker's catalog changes only with the platform's config: read once per session. */
export function useCatalog() {
  const client = useClient();
  return useQuery({ queryKey: ['catalog'], queryFn: () => client.checkCatalog(), staleTime: Infinity });
}
