import { DynamicModule, Inject, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { ApplicationConfig, HttpAdapterHost } from '@nestjs/core';
import { ExpressLoader, type ServeStaticModuleOptions } from '@nestjs/serve-static';
import { existsSync } from 'fs';
import { dirname, join } from 'path';

/**
 * The web app's pages, matched before the API's routes. Only these paths answer index.html (deep links survive a
 * reload); every other path reaches the API, so an unknown API path still answers the API's JSON 404.
 * Keep in step with the routes in apps/web/src/App.tsx and WEB_ROUTES in libs/domain.
 */
export const WEB_APP_PATHS =
  /^\/(?:$|dang-nhap|viec-can-lam|ke-hoach|bao-cao|hop-thu-duyet|thong-bao|nghia-vu|tong-quan|quan-tri|nhat-ky)(?:\/[^.]*)?$/;

export abstract class WEB_DIST_DIR {}

/** dist/web (the web app's build), found from this file both in the sources and in dist/apps/api/src/web. */
export function webDistDir(from: string = __dirname): string | null {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'dist', 'web');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
  }
  return null;
}

/** Registers the web app's routes on the HTTP adapter when the application initialises. */
@Injectable()
export class WebAppServer implements OnModuleInit {
  constructor(
    @Inject(WEB_DIST_DIR) private readonly dir: string,
    private readonly adapterHost: HttpAdapterHost,
    private readonly appConfig: ApplicationConfig,
  ) {}

  /**
   * serve-static's own module picks its loader when the module is compiled, before a testing module has an HTTP
   * adapter (it then serves nothing); its Express loader, called here at init, works in main.ts and in the tests.
   * An application context without HTTP (a script, a benchmark using the API's services) has nothing to serve on.
   */
  onModuleInit() {
    const adapter = this.adapterHost.httpAdapter;
    if (!adapter) return;
    new ExpressLoader().register(adapter, this.appConfig, [webServeOptions(this.dir)]);
  }
}

export function webServeOptions(dir: string): ServeStaticModuleOptions {
  return {
    rootPath: dir,
    renderPath: WEB_APP_PATHS,
    serveStaticOptions: {
      index: false,
      fallthrough: true,
      setHeaders: (res: { setHeader(k: string, v: string): void }, path: string) => {
        // Hashed assets never change; the page itself is always revalidated.
        res.setHeader(
          'Cache-Control',
          path.includes(join('dist', 'web', 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    },
  };
}

@Module({})
export class WebModule {
  /** Serves the built web app when there is one (after `npm run build`); the API alone otherwise. */
  static forRoot(dir: string | null = webDistDir()): DynamicModule {
    if (!dir) return { module: WebModule };
    return { module: WebModule, providers: [{ provide: WEB_DIST_DIR, useValue: dir }, WebAppServer] };
  }
}
