/** Valid registration data; the identifiers come from ../shared/standards/identifiers.json's valid vectors. */
export function enterpriseRegistration(overrides: Record<string, string> = {}) {
  return {
    creditCode: '91320100MA1MXX0A01',
    name: '江苏安建建设集团有限公司',
    password: 'Anquan2026',
    contactName: '王建国',
    contactIdNumber: '320102198506120034',
    contactPhone: '13812345678',
    ...overrides,
  };
}
