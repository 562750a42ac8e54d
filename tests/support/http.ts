// A visitor of the running app over real HTTP: keeps its cookies, sends same-origin form posts.
export class Visitor {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string, private readonly headers: Record<string, string> = {}) {}

  get cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  cookie(name: string) {
    return this.cookies.get(name);
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers({ ...this.headers, ...Object.fromEntries(new Headers(init.headers)) });
    if (this.cookies.size) headers.set("Cookie", this.cookieHeader);
    const response = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  get(path: string) {
    return this.request(path);
  }

  /** A form post from one of our own pages (same Origin), unless another origin is given. */
  post(path: string, form: Record<string, string>, options: { origin?: string | null } = {}) {
    const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
    const origin = options.origin === undefined ? new URL(this.baseUrl).origin : options.origin;
    if (origin !== null) headers.Origin = origin;
    return this.request(path, { method: "POST", body: new URLSearchParams(form).toString(), headers });
  }

  async login(email: string, password: string) {
    const response = await this.post("/login", { email, password });
    if (response.status !== 302) throw new Error(`Login as ${email} failed with ${response.status}: ${await response.text()}`);
    return response;
  }
}

/** Where a redirect points, as a path. */
export function location(response: Response) {
  const target = response.headers.get("Location");
  return target ? new URL(target, "http://x").pathname + new URL(target, "http://x").search : null;
}
