import { Organisation, Site } from '@incubator/api/organisations';
import { Heartbeat } from '@incubator/api/system';

/** Every entity of the application; a new domain adds its entities here. */
export const ENTITIES = [Organisation, Site, Heartbeat];
