import { bootstrapApplication } from '@angular/platform-browser';
import { appConfig } from './app/app.config';
import { App } from './app/app';
import { nextTask } from './app/core/routing/next-task';

// The scripts' evaluation (the framework's and the app's definitions) and the application's start are two
// tasks rather than one: a phone's main thread is free for the browser in between (input, paint).
nextTask()
  .then(() => bootstrapApplication(App, appConfig))
  .catch((err) => console.error(err));
