import assert from 'node:assert/strict';
import { downloadName } from '../../src/taskpane/download-name.ts';

describe('downloadName', () => {
  it('marks the opened file’s name as the result, as .xlsx', () => {
    assert.equal(downloadName('sample-2021.xlsx'), 'sample-2021-月报.xlsx');
    assert.equal(downloadName('导出.CSV'), '导出-月报.xlsx');
    assert.equal(downloadName('旧系统.xls'), '旧系统-月报.xlsx');
  });

  it('does not mark a result twice', () => {
    assert.equal(downloadName('sample-2021-月报.xlsx'), 'sample-2021-月报.xlsx');
  });

  it('drops folders and names a nameless file', () => {
    assert.equal(downloadName('C:\\导出\\九月.xlsx'), '九月-月报.xlsx');
    assert.equal(downloadName('.xlsx'), '月报.xlsx');
  });
});
