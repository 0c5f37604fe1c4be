// Types of launch.js (plain JavaScript so it runs before any TypeScript loader).
export function importTypeScript(url: string | URL): Promise<unknown>;
export function bundleIsCurrent(bundlePath: string): boolean;
export function launch(sourceUrl: URL, bundledUrl: URL, options?: { readonly bundleInRepository?: boolean }): Promise<unknown>;
