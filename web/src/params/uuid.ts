import type { ParamMatcher } from '@sveltejs/kit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Route matcher for `[id=uuid]` params: a canonical RFC 9562 UUID in any case. */
export const match: ParamMatcher = (param) => UUID.test(param);
