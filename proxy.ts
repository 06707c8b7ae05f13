import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

/**
 * An optimistic check that sends signed-out visitors of dashboard pages to the sign-in page with a
 * way back. The layouts check the session and role for real.
 */
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const login = new URL("/login", request.url);
  const back = request.nextUrl.pathname + request.nextUrl.search;
  if (back !== "/") login.searchParams.set("next", back);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/", "/loops/:path*", "/models/:path*", "/deployments/:path*", "/tasks/:path*", "/keys/:path*", "/work/:path*", "/admin/:path*"],
};
