/**
 * How to get back into an account, said once with both ways in one sentence: the
 * self-service link (mailed to the sign-in address) and the zone's administrators by
 * phone. On /forgot-password itself the link is left out (the person is already there).
 */
import type { ZoneConfig } from "../../../tenants/schema";

export function PasswordHelp({ zone, onResetPage = false }: { zone: ZoneConfig; onResetPage?: boolean }) {
  const { phone, office, phoneFromSource } = zone.contact;
  const call = (
    <>
      请园区管理员重置,电话 <a href={`tel:${phone}`}>{phone}</a>
      {office === "园区管理员" ? "" : `(${office}${phoneFromSource ? "" : ",演示号码,以园区公布为准"})`}
      {office === "园区管理员" && !phoneFromSource ? "(演示号码,以园区公布为准)" : ""}
    </>
  );
  return (
    <p class="help">
      {onResetPage ? (
        <>收不到重置邮件,或登录邮箱已不能用?也可以{call}。</>
      ) : (
        <>
          忘记密码怎么办?可以<a href="/forgot-password">自助重置</a>(链接发到您的登录邮箱),也可以{call}。
        </>
      )}
    </p>
  );
}
