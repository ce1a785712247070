import { defineErrors } from '@incubator/api/errors';

export const QueueErrors = defineErrors('queue', {
  failed_job_not_found: { status: 404, message: { fr: 'Aucune tâche en échec sous cet identifiant dans cette file.', en: 'No such failed job.' } },
});
