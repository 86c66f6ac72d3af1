// Task pane bundle. `webpack --mode production` writes dist/ (no certificates needed);
// `webpack serve` serves it over https://localhost:3000 with office-addin-dev-certs.
const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { BundleSizePlugin } = require('./scripts/bundle-size');

const OFFICE_ORIGIN = 'https://appsforoffice.microsoft.com';

/** Scripts only from ourselves and the Office CDN; no eval. Styles inline for Fluent UI (Griffel). */
function csp(dev) {
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_ORIGIN}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "worker-src 'self'",
    `connect-src 'self' ${OFFICE_ORIGIN}${dev ? ' wss://localhost:3000 ws://localhost:3000' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Certificates for https://localhost:3000 from office-addin-dev-certs. Where the CA cannot be
 * installed (no sudo, a container), serve with the generated certificate anyway: the browser
 * preview works after accepting its warning; Office itself needs the CA installed.
 */
async function httpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    const dir = path.join(os.homedir(), '.office-addin-dev-certs');
    if (!fs.existsSync(path.join(dir, 'localhost.crt'))) await devCerts.generateCertificates();
    console.warn(`Varning: utvecklarcertifikatet kunde inte installeras (${String(e && e.message).split('\n')[0]}).`);
    console.warn('Servern startar ändå; webbläsaren varnar för certifikatet. För Excel: installera det med "npx office-addin-dev-certs install".');
    return { cert: fs.readFileSync(path.join(dir, 'localhost.crt')), key: fs.readFileSync(path.join(dir, 'localhost.key')), ca: fs.readFileSync(path.join(dir, 'ca.crt')) };
  }
}

module.exports = async (env, argv) => {
  const dev = argv.mode === 'development';
  const serve = Boolean(env && env.WEBPACK_SERVE);
  const config = {
    mode: dev ? 'development' : 'production',
    // Source maps without eval, so the CSP never needs 'unsafe-eval'.
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/taskpane/commands.ts',
      // The preview's Web Worker: reads and checks the workbook off the page's thread.
      previewWorker: './src/preview/worker.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      clean: true,
      // Lets webpack's runtime use globalThis instead of new Function('return this').
      environment: { globalThis: true },
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // ES modules so webpack can tree-shake Fluent UI; type checking is tsc's job.
            options: { transpileOnly: true, compilerOptions: { module: 'esnext', moduleResolution: 'node', sourceMap: dev } },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'], csp: csp(dev) }),
      // The browser preview without office.js: works offline, never waits for the network.
      new HtmlWebpackPlugin({ filename: 'preview.html', template: './src/preview/preview.html', chunks: ['taskpane'], csp: csp(dev) }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/taskpane/commands.html', chunks: ['commands'], csp: csp(dev) }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml' },
          { from: 'manifest.word.xml', to: 'manifest.word.xml' },
          { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
          { from: 'src/taskpane/support.html', to: 'support.html' },
        ],
      }),
      ...(dev ? [] : [new BundleSizePlugin()]),
    ],
    performance: { hints: false },
  };
  if (serve) {
    config.devServer = {
      host: 'localhost',
      port: 3000,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: await httpsOptions() },
      static: { directory: path.resolve(__dirname, 'dist') },
    };
  }
  return config;
};
