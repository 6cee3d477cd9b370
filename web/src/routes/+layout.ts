// A single-page app served by the anguan server (adapter-static SPA fallback): no server rendering.
export const ssr = false;
export const prerender = false;
