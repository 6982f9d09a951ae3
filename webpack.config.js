// Builds the Excel task pane (dist/taskpane.html and its scripts), a small landing page
// (dist/index.html, the manifest's SupportUrl), and copies assets/ and manifest.xml.
//
//   npm run build        production build into dist/; manifest URLs rewritten to ADDIN_PUBLIC_URL
//   npm run build:dev    development build into dist/ (manifest keeps https://localhost:PORT/)
//   npm run dev-server   HTTPS dev server on config.dev_server_port with office-addin-dev-certs
//   npm run preview      production build, then scripts/serve-dist.mjs serves dist/ on http://127.0.0.1:8080/
//                        (the browser mode: no Office, no certificates; PORT or --port to change)
//   npx webpack serve --mode development --env preview
//                        plain-HTTP dev server on port + 1 for the browser mode, with live reload
//
// The task pane's initial JavaScript (React, Fluent UI, the pane) must stay ≤ 300 KB gzipped:
// `npm run bundle-size` and test/build/bundle.test.ts check it. Heavy parts (the file host with
// @e965/xlsx and fflate) belong behind dynamic import(), which webpack emits as on-demand chunks.
import CopyWebpackPlugin from 'copy-webpack-plugin';
import { EsbuildPlugin } from 'esbuild-loader';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));

/** The dev server's port (package.json config.dev_server_port, as in Office's templates). */
export const devServerPort = Number(process.env.npm_package_config_dev_server_port ?? pkg.config?.dev_server_port ?? 3000);
/** Every URL in manifest.xml starts with this during development. */
export const devUrl = `https://localhost:${devServerPort}/`;
/** Where the production manifest points when ADDIN_PUBLIC_URL is not set: a placeholder to replace. */
export const placeholderPublicUrl = 'https://example.gov.cn/case-brief/';

/** ADDIN_PUBLIC_URL (or the placeholder) as an absolute https URL ending in "/"; throws when unusable. */
export function publicUrlFrom(value = process.env.ADDIN_PUBLIC_URL) {
  const raw = value === undefined || value.trim() === '' ? placeholderPublicUrl : value.trim();
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_PUBLIC_URL is not a URL: "${raw}". Example: ${placeholderPublicUrl}`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_PUBLIC_URL must use https (Office loads add-ins only over HTTPS): "${raw}"`);
  if (url.search !== '' || url.hash !== '') throw new Error(`ADDIN_PUBLIC_URL must not have a query or fragment: "${raw}"`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/**
 * The production rewrite of manifest.xml: https://localhost:PORT/… becomes publicUrl…, and the bare
 * origin (AppDomain) becomes publicUrl's origin. Nothing else changes.
 */
export function rewriteManifestUrls(xml, publicUrl = publicUrlFrom()) {
  const base = publicUrlFrom(publicUrl);
  return xml.replaceAll(devUrl, base).replaceAll(devUrl.slice(0, -1), new URL(base).origin);
}

const landingPage = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="UTF-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>城管月报助手 Case Brief</title>
  <style>body{font-family:"Microsoft YaHei","PingFang SC",sans-serif;max-width:40em;margin:2em auto;padding:0 1em;line-height:1.6;color:#242424}.en{color:#616161}a{color:#006b77}</style>
</head>
<body>
  <h1>城管月报助手</h1>
  <p>从数字城管系统导出的案件表生成月度数据分析简报的统计表。数据只在本机处理，不上传。</p>
  <p class="en">Case Brief builds the monthly urban-management brief's statistics tables from the case-system export. Data stays on your computer.</p>
  <ul>
    <li><a href="taskpane.html">在浏览器中使用</a>（Chrome、新版 Edge 等，不需要 Office）：选择导出的 .xlsx，生成后下载新的工作簿。<br><span class="en">Use it in a browser (no Office needed): pick the exported .xlsx, download the new workbook.</span></li>
    <li><a href="manifest.xml" download>下载清单文件 manifest.xml</a>，按单位说明加载到 Excel（Office 2019 及以上、Microsoft 365、网页版 Excel）。<br><span class="en">Download manifest.xml to sideload the add-in into Excel (Office 2019 or later, Microsoft 365, Excel on the web).</span></li>
  </ul>
</body>
</html>
`;

/**
 * webpack-cli calls this with (env, argv): `--mode production` → argv.mode, `webpack serve` →
 * env.WEBPACK_SERVE, `--env preview` → env.preview.
 */
export default async function config(env = {}, argv = {}) {
  const production = argv.mode === 'production';
  const serve = Boolean(env.WEBPACK_SERVE);
  const preview = Boolean(env.preview);
  const publicUrl = production ? publicUrlFrom() : devUrl;
  if (production && !process.env.ADDIN_PUBLIC_URL) {
    console.warn(`ADDIN_PUBLIC_URL is not set: dist/manifest.xml points at the placeholder ${placeholderPublicUrl}. Set it to the HTTPS address that serves dist/.`);
  }

  let devServer;
  if (serve) {
    // Certificates only for `webpack serve`, never for a build. The preview mode is plain HTTP:
    // http://localhost is a secure context for browsers, and it needs no certificate.
    let server = 'http';
    if (!preview) {
      const devCerts = await import('office-addin-dev-certs');
      server = { type: 'https', options: await (devCerts.getHttpsServerOptions ?? devCerts.default.getHttpsServerOptions)() };
    }
    devServer = {
      host: 'localhost',
      port: preview ? devServerPort + 1 : devServerPort,
      server,
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      open: preview ? ['/taskpane.html'] : false,
      client: { overlay: { warnings: false, errors: true, runtimeErrors: false } },
    };
  }

  return {
    mode: production ? 'production' : 'development',
    context: root,
    target: ['web', 'es2020'],
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
    },
    output: {
      path: resolve(root, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: 'auto',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'],
      // Sources import each other with explicit extensions (`./foo.ts`, as tsx and TypeScript's
      // allowImportingTsExtensions want); `.js` specifiers may also name a TypeScript file.
      extensionAlias: {
        '.ts': ['.ts', '.tsx'],
        '.js': ['.js', '.ts', '.tsx'],
        '.mjs': ['.mjs', '.mts'],
      },
    },
    module: {
      rules: [
        {
          test: /\.[cm]?tsx?$/,
          exclude: /node_modules/,
          loader: 'esbuild-loader',
          options: { target: 'es2020', tsconfig: resolve(root, 'tsconfig.web.json') },
        },
        // The core is pure (no DOM, no I/O, nothing done on import; tsconfig.core.json and ESLint keep it
        // so): a module of it that the pane does not use can be left out of the pane's initial JavaScript.
        { test: /[\\/]src[\\/]core[\\/]/, sideEffects: false },
      ],
    },
    optimization: {
      minimizer: [new EsbuildPlugin({ target: 'es2020', legalComments: 'none' })],
      // React and Fluent UI go into shared vendor chunks of the entry (all of them count as the
      // initial JavaScript); anything reached only through import() stays in on-demand chunks.
      splitChunks: { chunks: 'all' },
      runtimeChunk: false,
    },
    performance: {
      // webpack's own hints measure uncompressed bytes; the budget (300 KB gzipped) is enforced by
      // scripts/bundle-size.ts and test/build/bundle.test.ts instead.
      hints: false,
    },
    plugins: [
      new HtmlWebpackPlugin({
        template: './src/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        // The page's own ES5 loader inserts the scripts, and only where they can run (see the template).
        inject: false,
        minify: false,
      }),
      new HtmlWebpackPlugin({
        filename: 'index.html',
        chunks: [],
        inject: false,
        minify: false,
        templateContent: landingPage,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          // Browser mode (task pane outside Excel) opens this sample first: fetched as samples/sample-2021.xlsx.
          { from: 'samples/sample-2021.xlsx', to: 'samples/sample-2021.xlsx' },
          {
            from: 'manifest*.xml',
            to: '[name][ext]',
            transform: production ? (content) => rewriteManifestUrls(content.toString('utf8'), publicUrl) : undefined,
          },
        ],
      }),
    ],
    devServer,
    stats: production ? 'normal' : 'minimal',
  };
}
