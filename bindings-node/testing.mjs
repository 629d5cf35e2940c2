// ES module entry of `headshotpro/testing`: the same objects as the CommonJS entry.
import cjs from './testing.js'

export const { MockServer } = cjs
export default cjs
