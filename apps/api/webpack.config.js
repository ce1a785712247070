const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: {
    path: join(__dirname, '../../dist/apps/api'),
    clean: true,
    ...(process.env.NODE_ENV !== 'production' && {
      devtoolModuleFilenameTemplate: '[absolute-resource-path]',
    }),
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      tsConfig: './tsconfig.app.json',
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: true,
      // The invoice PDF's embedded fonts (PDF/A forbids the standard 14), found next to main.js.
      assets: [{ input: 'libs/api/billing/src/lib/einvoice/fonts', glob: '*.ttf', output: 'einvoice-fonts' }],
      sourceMap: true,
    })
  ],
};
