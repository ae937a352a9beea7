/** The plain-JavaScript backend, a chunk of its own: importing the package registers it. */
import '@tensorflow/tfjs-backend-cpu';
