import type { LocalizedText } from '@minirelease/sdk';
import { useQuery } from '@tanstack/react-query';
import { useClient } from './session.js';

/** The rejection catalog changes only with the platform's config: read once per session. */
export function useReviewReasons(enabled = true) {
  const client = useClient();
  return useQuery({
    queryKey: ['review-reasons'],
    queryFn: () => client.reviewReasons(),
    staleTime: Infinity,
    enabled,
  });
}

/** A stored rejection's codes as labels; a code the catalog no longer has stays readable as itself. */
export function reasonLabels(
  codes: readonly string[],
  catalog: readonly { code: string; label: LocalizedText }[] | undefined,
  pick: (text: LocalizedText) => string,
): string[] {
  return codes.map((code) => {
    const reason = catalog?.find((r) => r.code === code);
    return reason ? pick(reason.label) : code;
  });
}
