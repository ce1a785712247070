import { defineErrors } from '@incubator/api/errors';

export const SystemErrors = defineErrors('system', {
  heartbeat_not_found: {
    status: 404,
    message: { fr: 'Aucun battement de cœur enregistré pour la tâche {jobId}.', en: 'No heartbeat recorded for job {jobId}.' },
  },
});
