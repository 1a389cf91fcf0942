// A route handler: quotes what the client posts, on the server.
import { quote } from 'baofei';

export async function POST(req) {
  try {
    return Response.json(quote(await req.json()));
  } catch (e) {
    return Response.json({ errors: e.errors ?? [{ message_en: String(e) }] }, { status: 400 });
  }
}
