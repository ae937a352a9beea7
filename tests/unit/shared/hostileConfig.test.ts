import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, configFromSearch } from '../../../src/shared/config';

describe('hostile URL parameters', () => {
  it.each([
    ['epochs', '0x10'],
    ['epochs', ' 12 '],
    ['epochs', '1e400'],
    ['epochs', '-5'],
    ['batchSize', 'Infinity'],
    ['batchSize', '0b11'],
    ['latentDim', '<script>alert(1)</script>'],
    ['latentDim', '32; DROP TABLE'],
    ['trainSize', '9'.repeat(400)],
    ['learningRate', 'NaN'],
    ['learningRate', '1e-300'],
    ['seed', '4.5'],
    ['seed', '999999999999999999999'],
    ['backend', '<img src=x onerror=alert(1)>'],
    ['loss', 'constructor'],
  ])('%s=%s is refused and the default kept', (param, value) => {
    const { config, problems } = configFromSearch(`?${param}=${encodeURIComponent(value)}`);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(problems).toHaveLength(1);
    expect(problems[0].param).toBe(param);
    // A long value is quoted short, so a pasted essay is not repeated on the page.
    expect(problems[0].message.length).toBeLessThan(260);
  });

  it('still reads ordinary decimal and exponent forms', () => {
    const { config, problems } = configFromSearch('?learningRate=1e-3&epochs=%2B3&latentDim=16.0');
    expect(problems).toEqual([]);
    expect(config).toMatchObject({ learningRate: 0.001, epochs: 3, latentDim: 16 });
  });
});
