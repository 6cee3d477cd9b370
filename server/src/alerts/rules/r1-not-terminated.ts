import { daysBetween } from './calendar.js';
import { NOTHING, projectLink, type ProjectFacts, type RuleResult } from './types.js';

/** Days after the 竣工备案 within which 终止监督 must be filed; the day after the last one fails the project. */
export const TERMINATION_LIMIT_DAYS = 30;

const CONSEQUENCES =
  '逾期未办理的，项目安标考评自动判定为不合格；企业自身的安标考评和安全生产许可证延期将受影响，' +
  '并影响企业信用评价和工伤保险费率浮动。';

/**
 * R1: a project with a 竣工备案 date and no 终止监督. The filing day is day 0; days 0–30 count down (30 days
 * left … 0 days left, the last day), and from day 31 the 安标考评 is 不合格 automatically and the alert is critical.
 */
export function r1NotTerminated(facts: ProjectFacts, today: string): RuleResult {
  const { project } = facts;
  const filed = project.completionFilingDate;
  if (!filed || project.status === 'terminated') return NOTHING;
  const day = daysBetween(filed, today);
  if (day < 0) return NOTHING;
  const link = projectLink(facts);
  const where = `请项目部在「项目信息」页（${link}）提交终止监督申请。`;
  if (day <= TERMINATION_LIMIT_DAYS) {
    const daysLeft = TERMINATION_LIMIT_DAYS - day;
    return {
      alerts: [
        {
          rule: 'R1',
          subject: 'termination',
          period: filed,
          level: 'warning',
          title: `${project.name}：竣工备案后须在30日内办理终止监督，剩余${daysLeft}天`,
          body: `项目已于${filed}竣工备案，尚未办理终止监督。竣工备案后30日内须办理终止监督，剩余${daysLeft}天。${CONSEQUENCES}${where}`,
          link,
          daysLeft,
        },
      ],
      failures: [],
    };
  }
  const reason = `竣工备案（${filed}）后超过30日未办理终止监督，安标考评自动判定为不合格`;
  return {
    alerts: [
      {
        rule: 'R1',
        subject: 'termination',
        period: filed,
        level: 'critical',
        title: `${project.name}：竣工备案已超过30日未办理终止监督，安标考评已判定不合格`,
        body: `项目已于${filed}竣工备案，已逾期${day - TERMINATION_LIMIT_DAYS}天未办理终止监督。${reason}。${CONSEQUENCES}${where}`,
        link,
        daysLeft: 0,
      },
    ],
    failures: [{ source: `R1|${filed}`, reason }],
  };
}
