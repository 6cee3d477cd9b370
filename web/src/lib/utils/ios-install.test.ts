import { describe, expect, it } from 'vitest';
import { needsIosInstallSteps, type InstallEnvironment } from './ios-install';

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const IPAD_AS_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
const IPHONE_CHROME =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1';
const IPHONE_WECHAT =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49(0x18003129) NetType/WIFI Language/zh_CN';
const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';

const env = (userAgent: string, patch: Partial<InstallEnvironment> = {}): InstallEnvironment => ({
  userAgent,
  platform: /iPhone/.test(userAgent) ? 'iPhone' : /Android/.test(userAgent) ? 'Linux armv8l' : 'MacIntel',
  maxTouchPoints: /iPhone|Android/.test(userAgent) ? 5 : 0,
  standalone: false,
  ...patch,
});

describe('the 添加到主屏幕 steps', () => {
  it('show in Safari on an iPhone', () => {
    expect(needsIosInstallSteps(env(IPHONE_SAFARI))).toBe(true);
  });

  it('show in Safari on an iPad that presents itself as a Mac', () => {
    expect(needsIosInstallSteps(env(IPAD_AS_MAC, { maxTouchPoints: 5 }))).toBe(true);
  });

  it('do not show once the app runs from the home screen', () => {
    expect(needsIosInstallSteps(env(IPHONE_SAFARI, { standalone: true }))).toBe(false);
  });

  it('do not show on a Mac, in Chrome on iOS, in WeChat or on Android', () => {
    expect(needsIosInstallSteps(env(IPAD_AS_MAC))).toBe(false);
    expect(needsIosInstallSteps(env(IPHONE_CHROME))).toBe(false);
    expect(needsIosInstallSteps(env(IPHONE_WECHAT))).toBe(false);
    expect(needsIosInstallSteps(env(ANDROID_CHROME))).toBe(false);
  });
});
