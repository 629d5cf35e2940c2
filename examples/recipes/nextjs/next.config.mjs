// The SDK is a native module: Next.js loads it from node_modules at run time
// instead of bundling it.
/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['headshotpro'],
}

export default nextConfig
