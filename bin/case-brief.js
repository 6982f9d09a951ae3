#!/usr/bin/env node
// The command `case-brief`: loads the built command line, lib/case-brief.js (one JavaScript file made
// from src/cli by scripts/build-cli.mjs; npm ci, npm pack and npm run demo build it).
try {
  await import('../lib/case-brief.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('case-brief.js')) {
    console.error('错误：命令行还没有构建（缺少 lib/case-brief.js）。请在项目目录中运行 npm run build:cli。');
    process.exitCode = 1;
  } else throw error;
}
