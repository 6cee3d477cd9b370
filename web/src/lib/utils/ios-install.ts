/**
 * iPhone and iPad Safari never fire `beforeinstallprompt`: the app is installed by hand through 分享 → 添加到主屏幕.
 * These checks decide where to show those steps: in Safari on iOS/iPadOS, not yet installed, and nowhere else
 * (other iOS browsers and in-app browsers such as WeChat's have other menus or none).
 *
 * @module
 */

/** What the checks read from the browser, passed in so they are testable without one. */
export interface InstallEnvironment {
  userAgent: string;
  /** `navigator.platform`: iPadOS 13+ reports `MacIntel` with a desktop user agent. */
  platform: string;
  maxTouchPoints: number;
  /** Opened from the home screen: `navigator.standalone` (Safari) or `display-mode: standalone`. */
  standalone: boolean;
}

/** Browsers on iOS that are not Safari (all use WebKit but have their own share menus), and in-app browsers. */
const NOT_SAFARI =
  /CriOS|FxiOS|EdgiOS|OPiOS|OPT\/|YaBrowser|DuckDuckGo|GSA\/|MicroMessenger|QQ\/|MQQBrowser|UCBrowser|baiduboxapp|AlipayClient|DingTalk|Weibo|FBAN|FBAV|Instagram|Line\//;

/** iPhone, iPod or iPad, including an iPad that presents itself as a Mac. */
export function isIos(env: InstallEnvironment): boolean {
  if (/iPhone|iPad|iPod/.test(env.userAgent)) return true;
  return env.platform === 'MacIntel' && env.maxTouchPoints > 1;
}

/** Safari itself (not another browser or an app's web view) on iOS/iPadOS. */
export function isIosSafari(env: InstallEnvironment): boolean {
  return (
    isIos(env) &&
    /Safari\//.test(env.userAgent) &&
    /Version\//.test(env.userAgent) &&
    !NOT_SAFARI.test(env.userAgent)
  );
}

/** Whether to offer the 添加到主屏幕 steps: iOS Safari, and not already running from the home screen. */
export function needsIosInstallSteps(env: InstallEnvironment): boolean {
  return !env.standalone && isIosSafari(env);
}

/** The current browser's {@link InstallEnvironment}. */
export function currentInstallEnvironment(): InstallEnvironment {
  const nav = navigator as Navigator & { standalone?: boolean };
  return {
    userAgent: nav.userAgent,
    platform: nav.platform,
    maxTouchPoints: nav.maxTouchPoints,
    standalone: nav.standalone === true || window.matchMedia('(display-mode: standalone)').matches,
  };
}
