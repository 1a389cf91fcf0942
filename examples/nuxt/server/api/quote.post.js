// A server route: quotes what the client posts (the package's Node entry, no init).
import { quote } from 'baofei';

export default defineEventHandler(async (event) => {
  try {
    return quote(await readBody(event));
  } catch (e) {
    setResponseStatus(event, 400);
    return { errors: e.errors ?? [{ message_en: String(e) }] };
  }
});
