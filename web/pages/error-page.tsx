/** The HTML error page (404, 500, ...) used by the app's one error mapping. */
import type { ZoneConfig } from "../../tenants/schema";
import { Layout } from "../layout";

export interface ErrorPageProps {
  status: number;
  message: string;
  requestId: string | undefined;
  zone: ZoneConfig | null;
  nonce: string | undefined;
}

const TITLES: Record<number, string> = {
  400: "请求有误",
  401: "请先登录",
  403: "没有权限",
  404: "页面不存在",
  409: "内容冲突",
  413: "内容过大",
  415: "格式不支持",
  422: "填写有误",
  429: "操作太频繁",
  500: "服务器出错",
  503: "服务暂不可用",
};

export function renderErrorPage({ status, message, requestId, zone, nonce }: ErrorPageProps) {
  const title = TITLES[status] ?? "出错了";
  return (
    <Layout title={title} zone={zone} nonce={nonce}>
      <main id="main" class="wrap">
        <section class="error" role="alert">
          <p class="code">{status}</p>
          <h1>{title}</h1>
          <p>{message}</p>
          {zone ? (
            <p>
              <a href="/">返回{zone.shortName.zh}首页</a>
            </p>
          ) : null}
          {requestId ? <p class="meta">请求编号:{requestId}</p> : null}
        </section>
      </main>
    </Layout>
  );
}
