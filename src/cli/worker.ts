// The worker thread of the command line: checks the files the main thread sends, one at a
// time, and answers with each file's result. A file that exhausts the worker's memory or
// time ends this worker only; the main thread reports it and starts another.
import { parentPort } from 'worker_threads';
import { runFileJob, type FileJob } from './fileJob';

if (parentPort) {
  const port = parentPort;
  port.on('message', (job: FileJob) => {
    port.postMessage(runFileJob(job));
  });
}
