import { describe, expect, it } from 'vitest';
import { superDangerousItem } from '@anguan/standards';
import { parseParameters, thresholdVerdict } from './work-threshold';

const support = superDangerousItem('sdw.form.support')!;

describe('threshold verdict of a 超危大 work', () => {
  it('names the condition a typed parameter meets, inclusive at the threshold', () => {
    const parameters = parseParameters(support, { heightM: '8', spanM: '' });
    expect(parameters).toEqual({ heightM: { value: 8, unit: 'm' } });
    expect(thresholdVerdict('sdw.form.support', parameters)).toEqual({
      tone: 'danger',
      text: '达到超过一定规模标准：搭设高度≥8 m',
    });
  });

  it('says 属一般危大工程 when every parameter is given below its threshold', () => {
    const typed = { heightM: '7.5', spanM: '17', totalLoadKNm2: '14.9', lineLoadKNm: '19' };
    expect(thresholdVerdict('sdw.form.support', parseParameters(support, typed)).text).toBe(
      '未达到超过一定规模标准：属一般危大工程',
    );
    expect(thresholdVerdict('sdw.form.support', parseParameters(support, { heightM: '7.5' })).tone).toBe(
      'muted',
    );
  });

  it('refuses text that is not a non-negative number and asks for an item first', () => {
    expect(parseParameters(support, { heightM: '8米' })).toBeNull();
    expect(parseParameters(support, { heightM: '-1' })).toBeNull();
    expect(thresholdVerdict(null, {}).text).toContain('未选择附件2条目');
    expect(thresholdVerdict('sdw.tunnel', {}).text).toContain('按工程类型');
    expect(
      thresholdVerdict('sdw.lift.nonstandard', { singleLiftKN: { value: 100, unit: 'kN' } }).text,
    ).toContain('另须采用非常规起重设备、方法');
  });
});
