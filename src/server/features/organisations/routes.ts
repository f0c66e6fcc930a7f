// HTTP routes of the organisation layer: validate (contract) → authorize (declared policy)
// → one command or query → present.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/contract/common';
import {
  municipalityListQuerySchema,
  municipalityListSchema,
  organisationInputSchema,
  organisationListQuerySchema,
  organisationListSchema,
  organisationSchema,
  organisationUpdateSchema,
  programmeInputSchema,
  programmeListQuerySchema,
  programmeListSchema,
  programmeSchema,
  programmeUpdateSchema,
  regionListQuerySchema,
  regionListSchema,
  teamInputSchema,
  teamListQuerySchema,
  teamListSchema,
  teamMemberInputSchema,
  teamMemberListSchema,
  teamMemberParamsSchema,
  teamSchema,
  teamUpdateSchema,
} from '../../../shared/contract/organisations';
import { contextOf, recordAccess, typed } from '../../http/context';
import { authorize, requireActor } from '../../policy/enforce';
import { caseAccessGrounds } from '../../policy/policy';
import {
  getOrganisation,
  getProgramme,
  getTeam,
  listMunicipalities,
  listOrganisations,
  listProgrammes,
  listRegions,
  listTeamMembers,
  listTeams,
} from './queries';
import {
  createOrganisation,
  setOrganisationArchived,
  updateOrganisation,
} from './save-organisation';
import { createProgramme, setProgrammeArchived, updateProgramme } from './save-programme';
import {
  addTeamMember,
  createTeam,
  removeTeamMember,
  setTeamArchived,
  updateTeam,
} from './save-team';

const archiveBodySchema = z.object({ isArchived: z.boolean() });
const noContent = z.null();

export async function organisationRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.database.db;

  app.get(
    '/api/regions',
    {
      schema: {
        tags: ['reference'],
        querystring: regionListQuerySchema,
        response: { 200: regionListSchema },
      },
      config: { policy: 'reference.read' },
    },
    async (request) => listRegions({ actor: requireActor(request), db: db(), ...request.query }),
  );
  app.get(
    '/api/municipalities',
    {
      schema: {
        tags: ['reference'],
        querystring: municipalityListQuerySchema,
        response: { 200: municipalityListSchema },
      },
      config: { policy: 'reference.read' },
    },
    async (request) =>
      listMunicipalities({ actor: requireActor(request), db: db(), ...request.query }),
  );

  // Organisations
  app.get(
    '/api/organisations',
    {
      schema: {
        tags: ['organisations'],
        querystring: organisationListQuerySchema,
        response: { 200: organisationListSchema },
      },
      config: { policy: 'organisation.read' },
    },
    async (request) =>
      listOrganisations({ actor: requireActor(request), db: db(), ...request.query }),
  );
  app.get(
    '/api/organisations/:id',
    {
      schema: {
        tags: ['organisations'],
        params: idParamsSchema,
        response: { 200: organisationSchema },
      },
      config: { policy: 'organisation.read' },
    },
    async (request) =>
      getOrganisation({ actor: requireActor(request), db: db(), id: request.params.id }),
  );
  app.post(
    '/api/organisations',
    {
      schema: {
        tags: ['organisations'],
        body: organisationInputSchema,
        response: { 201: organisationSchema },
      },
      config: { policy: 'organisation.manage' },
    },
    async (request, reply) => {
      const id = await createOrganisation(contextOf(request), request.body);
      reply.status(201);
      return getOrganisation({ actor: requireActor(request), db: db(), id });
    },
  );
  app.put(
    '/api/organisations/:id',
    {
      schema: {
        tags: ['organisations'],
        params: idParamsSchema,
        body: organisationUpdateSchema,
        response: { 200: organisationSchema },
      },
      config: { policy: 'organisation.manage' },
    },
    async (request) => {
      await updateOrganisation(contextOf(request), request.params.id, request.body);
      return getOrganisation({ actor: requireActor(request), db: db(), id: request.params.id });
    },
  );
  app.post(
    '/api/organisations/:id/archive',
    {
      schema: {
        tags: ['organisations'],
        params: idParamsSchema,
        body: archiveBodySchema,
        response: { 200: organisationSchema },
      },
      config: { policy: 'organisation.manage' },
    },
    async (request) => {
      await setOrganisationArchived(contextOf(request), request.params.id, request.body.isArchived);
      return getOrganisation({ actor: requireActor(request), db: db(), id: request.params.id });
    },
  );

  // Programmes
  app.get(
    '/api/programmes',
    {
      schema: {
        tags: ['programmes'],
        querystring: programmeListQuerySchema,
        response: { 200: programmeListSchema },
      },
      config: { policy: 'programme.read' },
    },
    async (request) => listProgrammes({ actor: requireActor(request), db: db(), ...request.query }),
  );
  app.get(
    '/api/programmes/:id',
    {
      schema: { tags: ['programmes'], params: idParamsSchema, response: { 200: programmeSchema } },
      config: { policy: 'programme.read' },
    },
    async (request) =>
      getProgramme({ actor: requireActor(request), db: db(), id: request.params.id }),
  );
  app.post(
    '/api/programmes',
    {
      schema: {
        tags: ['programmes'],
        body: programmeInputSchema,
        response: { 201: programmeSchema },
      },
      config: { policy: 'programme.manage' },
    },
    async (request, reply) => {
      const id = await createProgramme(contextOf(request), request.body);
      reply.status(201);
      return getProgramme({ actor: requireActor(request), db: db(), id });
    },
  );
  app.put(
    '/api/programmes/:id',
    {
      schema: {
        tags: ['programmes'],
        params: idParamsSchema,
        body: programmeUpdateSchema,
        response: { 200: programmeSchema },
      },
      config: { policy: 'programme.manage' },
    },
    async (request) => {
      await updateProgramme(contextOf(request), request.params.id, request.body);
      return getProgramme({ actor: requireActor(request), db: db(), id: request.params.id });
    },
  );
  app.post(
    '/api/programmes/:id/archive',
    {
      schema: {
        tags: ['programmes'],
        params: idParamsSchema,
        body: archiveBodySchema,
        response: { 200: programmeSchema },
      },
      config: { policy: 'programme.manage' },
    },
    async (request) => {
      await setProgrammeArchived(contextOf(request), request.params.id, request.body.isArchived);
      return getProgramme({ actor: requireActor(request), db: db(), id: request.params.id });
    },
  );

  // Teams
  app.get(
    '/api/teams',
    {
      schema: {
        tags: ['teams'],
        querystring: teamListQuerySchema,
        response: { 200: teamListSchema },
      },
      config: { policy: 'team.read' },
    },
    async (request) => listTeams({ actor: requireActor(request), db: db(), ...request.query }),
  );
  app.get(
    '/api/teams/:id',
    {
      schema: { tags: ['teams'], params: idParamsSchema, response: { 200: teamSchema } },
      config: { policy: 'team.read' },
    },
    async (request) => getTeam({ actor: requireActor(request), db: db(), id: request.params.id }),
  );
  app.post(
    '/api/teams',
    {
      schema: { tags: ['teams'], body: teamInputSchema, response: { 201: teamSchema } },
      config: { policy: 'team.manage' },
    },
    async (request, reply) => {
      const id = await createTeam(contextOf(request), request.body);
      reply.status(201);
      return getTeam({ actor: requireActor(request), db: db(), id });
    },
  );
  app.put(
    '/api/teams/:id',
    {
      schema: {
        tags: ['teams'],
        params: idParamsSchema,
        body: teamUpdateSchema,
        response: { 200: teamSchema },
      },
      config: { policy: 'team.manage' },
    },
    async (request) => {
      await updateTeam(contextOf(request), request.params.id, request.body);
      return getTeam({ actor: requireActor(request), db: db(), id: request.params.id });
    },
  );
  app.post(
    '/api/teams/:id/archive',
    {
      schema: {
        tags: ['teams'],
        params: idParamsSchema,
        body: archiveBodySchema,
        response: { 200: teamSchema },
      },
      config: { policy: 'team.manage' },
    },
    async (request) => {
      await setTeamArchived(contextOf(request), request.params.id, request.body.isArchived);
      return getTeam({ actor: requireActor(request), db: db(), id: request.params.id });
    },
  );
  app.get(
    '/api/teams/:id/members',
    {
      schema: { tags: ['teams'], params: idParamsSchema, response: { 200: teamMemberListSchema } },
      config: { policy: 'team.members.read' },
    },
    async (request) => {
      const actor = requireActor(request);
      const resource = { type: 'team' as const, teamId: request.params.id };
      authorize(actor, 'team.members.read', resource);
      const items = await listTeamMembers({ actor, db: db(), teamId: request.params.id });
      // Who works in which team is personal data of staff: its reads are logged.
      await recordAccess(request, {
        resourceType: 'team_members',
        resourceId: request.params.id,
        action: 'read',
        grounds:
          actor.role === 'admin' ? 'administrator' : (caseAccessGrounds(actor, resource) ?? 'none'),
        outcome: 'success',
      });
      return { items };
    },
  );
  app.put(
    '/api/teams/:id/members',
    {
      schema: {
        tags: ['teams'],
        params: idParamsSchema,
        body: teamMemberInputSchema,
        response: { 200: teamMemberListSchema },
      },
      config: { policy: 'team.manage' },
    },
    async (request) => {
      await addTeamMember(contextOf(request), request.params.id, request.body);
      return {
        items: await listTeamMembers({
          actor: requireActor(request),
          db: db(),
          teamId: request.params.id,
        }),
      };
    },
  );
  app.delete(
    '/api/teams/:id/members/:userId',
    {
      schema: { tags: ['teams'], params: teamMemberParamsSchema, response: { 204: noContent } },
      config: { policy: 'team.manage' },
    },
    async (request, reply) => {
      await removeTeamMember(contextOf(request), request.params.id, request.params.userId);
      return reply.status(204).send(null);
    },
  );
}
