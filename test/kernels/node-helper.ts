import { parentPort, workerData } from 'node:worker_threads';
import { type HelperInit, helperLoop } from '../../src/kernels/helper.ts';

helperLoop(workerData as HelperInit, () => parentPort?.postMessage('ready'));
