/**
 * The current time, as a provider: the system clock in production; a test hands in the Temporal test
 * server's clock so that "days left" agrees with the workflows' time.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
