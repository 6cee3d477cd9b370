import { Hono, type Context } from 'hono';
import { checkFilingNumber } from '@anguan/standards';
import type { AppDeps, AppEnv } from '../deps.js';
import { badRequest } from '../http/errors.js';
import { readJsonObject, stringField } from '../http/json-body.js';
import { requireRole } from '../http/roles.js';
import { valid, validMobile, validPassword } from '../auth/inputs.js';
import * as service from './service.js';

/** /api/members: the enterprise account manages its inspectors and project-department accounts. */
export function memberRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', (c) => c.json({ members: service.listMembers(deps, actorOf(c).enterpriseId) }))
    .post('/', async (c) => {
      const actor = actorOf(c);
      const body = await readJsonObject(c);
      const password = validPassword('password', stringField(body, 'password', '初始密码', { raw: true }));
      if (body.role === 'inspector') {
        const name = stringField(body, 'name', '姓名', { maxLength: 50 });
        const phone = validMobile('phone', stringField(body, 'phone', '手机号'));
        return c.json({ member: await service.createInspector(deps, actor, { name, phone, password }) }, 201);
      }
      if (body.role === 'project') {
        const filingNumber = valid(
          'filingNumber',
          checkFilingNumber(stringField(body, 'filingNumber', '监督备案号')),
        );
        const member = await service.createProjectAccount(deps, actor, {
          filingNumber: filingNumber.toUpperCase(),
          password,
        });
        return c.json({ member }, 201);
      }
      throw badRequest('invalid_role', '账号类型必须是检查人员或项目部', { field: 'role' });
    })
    .post('/:id/disable', (c) => {
      service.setMemberDisabled(deps, actorOf(c), c.req.param('id'), true);
      return c.body(null, 204);
    })
    .post('/:id/enable', (c) => {
      service.setMemberDisabled(deps, actorOf(c), c.req.param('id'), false);
      return c.body(null, 204);
    })
    .post('/:id/initial-password', async (c) => {
      const password = await service.issueInitialPassword(deps, actorOf(c), c.req.param('id'));
      return c.json({ password });
    })
    .post('/:id/password', async (c) => {
      const actor = actorOf(c);
      const body = await readJsonObject(c);
      const password = validPassword('password', stringField(body, 'password', '新密码', { raw: true }));
      await service.resetMemberPassword(deps, actor, c.req.param('id'), password);
      return c.body(null, 204);
    });
}

function actorOf(c: Context<AppEnv>): service.Actor {
  const session = requireRole(c, 'enterprise');
  const enterpriseId = session.user.enterpriseId;
  if (!enterpriseId) throw new Error(`enterprise user ${session.user.id} has no enterprise`);
  return { userId: session.user.id, enterpriseId, ip: c.get('ip') };
}
