import { describe, expect, it } from 'vitest';
import { ApiError } from '$lib/api';
import { importRows } from './import-rows';

describe('importRows', () => {
  it('reads the per-row report of a refused import', () => {
    const rows = [{ row: 4, column: '施工单位统一社会信用代码', message: '校验位不正确' }];
    const error = new ApiError(422, 'import_invalid', '导入文件有错误', undefined, { rows });
    expect(importRows(error)).toEqual(rows);
  });

  it('returns null for any other failure, so the page shows it as a plain error', () => {
    expect(importRows(new ApiError(403, 'region_forbidden', '无权登记该地区的项目'))).toBeNull();
    expect(importRows(new Error('boom'))).toBeNull();
  });
});
