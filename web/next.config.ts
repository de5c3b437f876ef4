import type { NextConfig } from 'next';

/**
 * The UI is a plain server-rendered Next.js app. Nothing is fetched from a CDN: no remote fonts,
 * images or scripts (the machine it runs on may have no network at all).
 */
const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // elkjs ships a large generated bundle; keep it out of the server bundle and load it from node_modules.
  serverExternalPackages: ['elkjs'],
  images: { unoptimized: true },
};

export default config;
