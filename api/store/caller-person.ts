/**
 * @module store/caller-person
 * The columns of a bearer's person that authenticated statements read with their own work (auth's
 * person check, and the first statement of a turn, an ending and a session read, which carry the
 * check): one list, so every one of them reads the same person.
 */
import { people } from '../db/schema/index.js';

export const CALLER_PERSON_COLUMNS = {
  id: people.id,
  orgId: people.orgId,
  role: people.role,
  name: people.name,
  email: people.email,
};
