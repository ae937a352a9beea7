/**
 * The WebGL backend, a chunk of its own that backendLoad.ts imports only to start WebGL. Importing
 * the package registers the backend; the class is for rebuilding it after a lost context.
 */
export { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
