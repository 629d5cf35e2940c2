'use strict'
// Every operation, one line each: its native method, then how each JS
// argument becomes native arguments (path ids positional, bodies one params
// object), and optionally how the result is presented. Every call also takes
// an optional last `{ signal }`. The typed surface is index.d.ts.

const { str, optStr, strList, withDefault, bool, num, positional, params, optParams } = require('./shape.js')
const { model } = require('./present.js')

/** Default `until` of `models.wait`. */
const DEFAULT_WAIT_UNTIL = 'active'
/** Default `timeoutMs` of `models.wait`: ten minutes. */
const DEFAULT_WAIT_TIMEOUT_MS = 600_000

/** One operation: `native` method name, argument shapes, result presenter. */
function op(native, shapes = [], present) {
  return { native, shapes, present }
}

const OPERATIONS = {
  organization: {
    retrieve: op('organizationRetrieve'),
    credits: op('organizationCredits'),
  },
  invites: {
    create: op('invitesCreate', [params({ email: str, teamId: optStr })]),
    revoke: op('invitesRevoke', [params({ email: str })]),
    list: op('invitesList'),
    retrieve: op('invitesRetrieve', [positional('inviteId')]),
  },
  teams: {
    create: op('teamsCreate', [params({ name: str })]),
    update: op('teamsUpdate', [positional('teamId'), params({ name: str })]),
    delete: op('teamsDelete', [positional('teamId')]),
    addMembers: op('teamsAddMembers', [positional('teamId'), params({ emails: strList })]),
  },
  models: {
    create: op(
      'modelsCreate',
      [params({ email: str, teamId: optStr, isDevelopment: withDefault(bool, false) })],
      model,
    ),
    retrieve: op('modelsRetrieve', [positional('modelId')], model),
    delete: op('modelsDelete', [positional('modelId')]),
    wait: op(
      'modelsWait',
      [
        positional('modelId'),
        optParams({
          until: withDefault(str, DEFAULT_WAIT_UNTIL),
          timeoutMs: withDefault(num, DEFAULT_WAIT_TIMEOUT_MS),
        }),
      ],
      model,
    ),
  },
}

module.exports = { OPERATIONS, DEFAULT_WAIT_UNTIL, DEFAULT_WAIT_TIMEOUT_MS }
