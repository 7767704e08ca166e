import { Logger } from '@nestjs/common';
import { createWebApp } from './server/create-web-app.js';
import { loadWebConfig } from './web.config.js';

const config = loadWebConfig();
const app = await createWebApp(config);
await app.listen(config.PORT, '0.0.0.0');
new Logger('web').log(`web listening on http://0.0.0.0:${config.PORT}`);
