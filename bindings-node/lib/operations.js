'use strict'
// Every operation, one line each: its native method, then how each JS
// argument becomes native arguments (path ids positional, bodies and
// filters one params object), and optionally how the result is presented.
// Every call also takes an optional last `{ signal }`. `list` operations
// return a PagePromise (lib/page.js) whose items are presented one by one.
// The typed surface is index.d.ts.

const { str, optStr, strList, optStrList, withDefault, bool, num, optInt, positional, params, optParams } = require('./shape.js')
const { model, photo, optionalPhoto, downloadLinks, saveReport } = require('./present.js')
const { progressCallback } = require('./save.js')
const { bulkResults, bulkProgressCallback } = require('./bulk.js')

/** Default `until` of `models.wait`. */
const DEFAULT_WAIT_UNTIL = 'active'
/** Default `timeoutMs` of `models.wait`: ten minutes. */
const DEFAULT_WAIT_TIMEOUT_MS = 600_000

/**
 * One operation: `native` method name, argument shapes, result presenter;
 * `optionsAt` is the argument that carries `{ signal }` when it is not the
 * one after the shapes.
 */
function op(native, shapes = [], present, optionsAt = shapes.length) {
  return { native, shapes, present, optionsAt }
}

/** A list operation: one page, walked with `for await`; `item` presents each item. */
function list(native, shapes, item) {
  return { ...op(native, shapes), item, paged: true }
}

const page = { limit: optInt, offset: optInt }

const OPERATIONS = {
  organization: {
    retrieve: op('organizationRetrieve'),
    credits: op('organizationCredits'),
  },
  invites: {
    create: op('invitesCreate', [params({ email: str, teamId: optStr })]),
    createMany: op(
      'invitesCreateMany',
      [params({ emails: strList, teamId: optStr, concurrency: optInt, onProgress: bulkProgressCallback })],
      bulkResults,
    ),
    revoke: op('invitesRevoke', [params({ email: str })]),
    list: op('invitesList'),
    retrieve: op('invitesRetrieve', [positional('inviteId')]),
    retrieveByEmail: op('invitesRetrieveByEmail', [positional('email')]),
  },
  teams: {
    create: op('teamsCreate', [params({ name: str })]),
    update: op('teamsUpdate', [positional('teamId'), params({ name: str })]),
    delete: op('teamsDelete', [positional('teamId')]),
    addMembers: op('teamsAddMembers', [positional('teamId'), params({ emails: strList })]),
    list: op('teamsList'),
  },
  members: {
    list: list('membersList', [optParams({ status: optStr, ...page })]),
  },
  models: {
    create: op(
      'modelsCreate',
      [params({ email: str, teamId: optStr, isDevelopment: withDefault(bool, false), version: optStr })],
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
    list: list('modelsList', [optParams({ status: optStr, teamId: optStr, ...page })]),
  },
  photos: {
    list: list(
      'photosList',
      [positional('modelId'), optParams({ status: optStr, likedStatus: optStr, include: optStr, ...page })],
      photo,
    ),
    retrieve: op('photosRetrieve', [positional('modelId'), positional('photoId'), optParams({ include: optStr })], photo),
    favorite: op('photosFavorite', [positional('modelId'), optParams({ include: optStr })], optionalPhoto),
    downloadLinks: op(
      'photosDownloadLinks',
      [positional('modelId'), optParams({ photoIds: optStrList, include: optStr })],
      downloadLinks,
    ),
    favorites: list('photosFavorites', [optParams({ teamId: optStr, include: optStr, ...page })], photo),
    save: op(
      'photosSave',
      [
        positional('modelId'),
        positional('directory'),
        optParams(
          {
            photoIds: optStrList,
            include: optStr,
            overwrite: withDefault(bool, false),
            concurrency: optInt,
            onProgress: progressCallback,
          },
          ['signal'],
        ),
      ],
      saveReport,
      2,
    ),
  },
}

module.exports = { OPERATIONS, DEFAULT_WAIT_UNTIL, DEFAULT_WAIT_TIMEOUT_MS }
