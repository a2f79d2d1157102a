import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig, loadConfig } from './config';
import { Clock, SystemClock } from './clock';

/** DI token for the validated configuration (a class token, not a magic string). */
export abstract class AppConfigToken {}

@Global()
@Module({})
export class ConfigModule {
  /** Registers the configuration. Pass one to override (tests); otherwise it is read from the environment. */
  static forRoot(config?: AppConfig, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: AppConfigToken, useFactory: () => config ?? loadConfig() },
        { provide: Clock, useValue: clock },
      ],
      exports: [AppConfigToken, Clock],
    };
  }
}
