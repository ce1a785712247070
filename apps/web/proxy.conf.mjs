// Dev server only: the browser calls /api on its own origin, as in production behind one host.
const apiPort = process.env.API_PORT ?? 3000;

export default {
  '/api': {
    target: `http://localhost:${apiPort}`,
    secure: false,
  },
};
