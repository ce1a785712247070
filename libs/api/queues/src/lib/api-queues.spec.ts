import { apiQueues } from './api-queues';

describe('apiQueues', () => {
  it('should work', () => {
    expect(apiQueues()).toEqual('api-queues');
  })
})
