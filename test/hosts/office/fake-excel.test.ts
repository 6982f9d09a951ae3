/**
 * The fake behaves like Excel where the host could get Excel wrong: load/sync, shapes, names,
 * merges, payload limits, API versions and batches that fail halfway. If the fake were lenient
 * here, the host tests would prove nothing.
 */
import assert from 'node:assert/strict';
import { FakeExcel, FakeOfficeError, PAYLOAD_LIMIT_BYTES } from './fake-excel.ts';

/** Asserts that `promise` rejects with an Office error of `code`. */
async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => error instanceof FakeOfficeError && error.code === code);
}

describe('FakeExcel', () => {
  describe('load and sync', () => {
    it('throws PropertyNotLoaded when a property is read before load() and sync()', async () => {
      const excel = new FakeExcel();
      excel.addSheet('数据', [['a', 1]]);
      await excel.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        assert.throws(() => worksheets.items, /PropertyNotLoaded/);
        const range = worksheets.getItem('数据').getRange('A1:B1');
        assert.throws(() => range.values, /PropertyNotLoaded/);
        assert.throws(() => range.isNullObject, /PropertyNotLoaded/);
        range.load('values');
        // Loading only queues the read: the value arrives with the sync.
        assert.throws(() => range.values, /PropertyNotLoaded/);
        await context.sync();
        assert.deepEqual(range.values, [['a', 1]]);
        assert.throws(() => range.address, /PropertyNotLoaded/, 'only the loaded properties are available');
        worksheets.load('items/name');
        await context.sync();
        assert.equal(worksheets.items[0].name, '数据');
        assert.throws(() => worksheets.items[0].visibility, /PropertyNotLoaded/);
      });
    });

    it('applies queued writes only at sync, in order', async () => {
      const excel = new FakeExcel();
      const sheet = excel.addSheet('数据');
      await excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem('数据').getRange('A1');
        range.values = [[1]];
        range.values = [[2]];
        assert.equal(sheet.values('A1')[0][0], '', 'nothing written before sync');
        await context.sync();
      });
      assert.deepEqual(sheet.values('A1'), [[2]]);
      assert.equal(excel.syncCount, 1);
    });

    it('rejects load paths that name no property, when load() is called', async () => {
      const excel = new FakeExcel();
      excel.addSheet('数据');
      await excel.run(async (context) => {
        assert.throws(() => context.workbook.worksheets.getItem('数据').getRange('A1').load('valeus'), /InvalidArgument/);
      });
    });

    it('tells a missing sheet from getItemOrNullObject by isNullObject after sync', async () => {
      const excel = new FakeExcel();
      excel.addSheet('数据');
      await excel.run(async (context) => {
        const missing = context.workbook.worksheets.getItemOrNullObject('没有');
        const present = context.workbook.worksheets.getItemOrNullObject('数据');
        present.load('name');
        await context.sync();
        assert.equal(missing.isNullObject, true);
        assert.equal(present.isNullObject, false);
        assert.equal(present.name, '数据');
      });
    });

    it('syncs commands still queued when the batch ends, as Excel.run does', async () => {
      const excel = new FakeExcel();
      const sheet = excel.addSheet('数据');
      await excel.run(async (context) => {
        context.workbook.worksheets.getItem('数据').getRange('B2').values = [['x']];
      });
      assert.equal(sheet.cell('B2').value, 'x');
      assert.equal(excel.syncCount, 1);
    });
  });

  describe('values', () => {
    it('rejects a values array whose shape does not match the range with InvalidArgument', async () => {
      const excel = new FakeExcel();
      excel.addSheet('数据');
      await rejectsWith(excel.run(async (context) => {
        context.workbook.worksheets.getItem('数据').getRange('A1:B2').values = [[1, 2], [3]];
        await context.sync();
      }), 'InvalidArgument');
      await rejectsWith(excel.run(async (context) => {
        context.workbook.worksheets.getItem('数据').getRange('A1:B2').numberFormat = [['0%', '0%']];
        await context.sync();
      }), 'InvalidArgument');
    });

    it('parses written text as Excel does unless it starts with an apostrophe', async () => {
      const excel = new FakeExcel();
      const sheet = excel.addSheet('数据');
      await excel.run(async (context) => {
        context.workbook.worksheets.getItem('数据').getRange('A1:E1').values = [['001', "'001", 'TRUE', '2021年9月', '50%']];
        await context.sync();
      });
      assert.deepEqual(sheet.values('A1:E1'), [[1, '001', true, 44440, 0.5]]);
    });

    it('leaves a cell unchanged where the written array holds null', async () => {
      const excel = new FakeExcel();
      const sheet = excel.addSheet('数据', [['keep', 'old']]);
      await excel.run(async (context) => {
        context.workbook.worksheets.getItem('数据').getRange('A1:B1').values = [[null, 'new']];
        await context.sync();
      });
      assert.deepEqual(sheet.values('A1:B1'), [['keep', 'new']]);
    });

    it('fails a request above 5 MB with RequestPayloadSizeLimitExceeded and changes nothing', async () => {
      const excel = new FakeExcel();
      const sheet = excel.addSheet('数据');
      const rows = 6000;
      const text = 'x'.repeat(1000);
      await rejectsWith(excel.run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem('数据');
        worksheet.getRange('A1').values = [['first']];
        worksheet.getRange(`B1:B${rows}`).values = Array.from({ length: rows }, () => [text]);
        await context.sync();
      }), 'RequestPayloadSizeLimitExceeded');
      assert.ok(excel.syncs[0].requestBytes > PAYLOAD_LIMIT_BYTES);
      assert.equal(sheet.cell('A1').value, '', 'a rejected request runs none of its commands');
    });
  });

  describe('sheets', () => {
    it('fails getItem of a missing sheet with ItemNotFound at sync', async () => {
      const excel = new FakeExcel();
      excel.addSheet('数据');
      await rejectsWith(excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('没有');
        sheet.load('name');
        await context.sync();
      }), 'ItemNotFound');
    });

    it('refuses to add or rename to an existing name, in any letter case', async () => {
      const excel = new FakeExcel();
      excel.addSheet('Data');
      excel.addSheet('其他');
      await rejectsWith(excel.run(async (context) => {
        context.workbook.worksheets.add('DATA');
        await context.sync();
      }), 'ItemAlreadyExists');
      await rejectsWith(excel.run(async (context) => {
        context.workbook.worksheets.getItem('其他').name = 'data';
        await context.sync();
      }), 'ItemAlreadyExists');
    });

    it('refuses sheet names longer than 31 characters or holding []:*?/\\', async () => {
      const excel = new FakeExcel();
      excel.addSheet('数据');
      for (const name of ['一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二', 'a/b', 'a[1]', 'a:b', 'a*', 'a?', 'a\\b']) {
        await rejectsWith(excel.run(async (context) => {
          context.workbook.worksheets.add(name);
          await context.sync();
        }), 'InvalidArgument');
      }
      assert.deepEqual(excel.sheetNames(), ['数据']);
    });

    it('refuses to hide or delete the last visible sheet', async () => {
      const excel = new FakeExcel();
      excel.addSheet('数据');
      await rejectsWith(excel.run(async (context) => {
        context.workbook.worksheets.getItem('数据').visibility = 'Hidden';
        await context.sync();
      }), 'InvalidOperation');
      await rejectsWith(excel.run(async (context) => {
        context.workbook.worksheets.getItem('数据').delete();
        await context.sync();
      }), 'InvalidOperation');
    });
  });

  describe('merges', () => {
    it('keeps the top-left value, absorbs merges inside the new one and refuses a partial overlap', async () => {
      const excel = new FakeExcel();
      const sheet = excel.addSheet('数据', [['a', 'b', 'c']]);
      await excel.run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem('数据');
        worksheet.getRange('A1:B1').merge();
        await context.sync();
        worksheet.getRange('A1:C2').merge();
        await context.sync();
      });
      assert.deepEqual(sheet.mergeAddresses(), ['A1:C2']);
      assert.deepEqual(sheet.values('A1:C1'), [['a', '', '']]);
      await rejectsWith(excel.run(async (context) => {
        context.workbook.worksheets.getItem('数据').getRange('B2:D3').merge();
        await context.sync();
      }), 'InvalidOperation');
    });
  });

  describe('batches', () => {
    it('keeps the commands before a failing one, as Excel does (a batch is not a transaction)', async () => {
      const excel = new FakeExcel();
      const sheet = excel.addSheet('数据');
      await rejectsWith(excel.run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem('数据');
        worksheet.getRange('A1').values = [['done']];
        worksheet.getRange('A2:B2').values = [['wrong shape']];
        worksheet.getRange('A3').values = [['never']];
        await context.sync();
      }), 'InvalidArgument');
      assert.deepEqual(sheet.values('A1:A3'), [['done'], [''], ['']]);
    });

    it('fails the chosen sync after the chosen number of commands', async () => {
      const excel = new FakeExcel();
      const sheet = excel.addSheet('数据');
      excel.failSync({ sync: 2, afterOperations: 1 });
      await rejectsWith(excel.run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem('数据');
        worksheet.getRange('A1').values = [[1]];
        await context.sync();
        worksheet.getRange('A2').values = [[2]];
        worksheet.getRange('A3').values = [[3]];
        await context.sync();
      }), 'GeneralException');
      assert.deepEqual(sheet.values('A1:A3'), [[1], [2], ['']]);
      assert.equal(excel.syncCount, 2);
    });
  });

  describe('API versions', () => {
    it('pretends to be ExcelApi 1.7: page layout, screen pausing and multi-area ranges fail with ApiNotFound', async () => {
      const excel = new FakeExcel({ apiVersion: '1.7' });
      excel.addSheet('数据');
      assert.equal(excel.apiSupport('ExcelApi', '1.7'), true);
      assert.equal(excel.apiSupport('ExcelApi', '1.9'), false);
      for (const step of [
        (worksheet: ReturnType<typeof getSheet>) => { worksheet.pageLayout.orientation = 'Landscape'; },
        (worksheet: ReturnType<typeof getSheet>) => { worksheet.getRanges('1:1,3:3').select(); },
      ]) {
        await rejectsWith(excel.run(async (context) => {
          step(getSheet(context));
          await context.sync();
        }), 'ApiNotFound');
      }
      await rejectsWith(excel.run(async (context) => {
        context.workbook.application.suspendScreenUpdatingUntilNextSync();
        await context.sync();
      }), 'ApiNotFound');
    });
  });
});

function getSheet(context: Parameters<Parameters<FakeExcel['run']>[0]>[0]) {
  return context.workbook.worksheets.getItem('数据');
}
