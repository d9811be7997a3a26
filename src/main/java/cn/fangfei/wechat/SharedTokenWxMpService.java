package cn.fangfei.wechat;

import java.io.IOException;
import java.util.concurrent.locks.Lock;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;

/**
 * WxJava's service with the access-token refresh made safe across instances. WxJava 4.7.9 checks
 * whether the token is still missing only before it takes the lock, so a thread that waited for the
 * lock while another instance fetched a token fetches a second one, and each fetch revokes the token
 * the other instances use. Here the check is repeated once the lock is held.
 */
public class SharedTokenWxMpService extends WxMpServiceImpl {
    @Override
    public String getAccessToken(boolean forceRefresh) throws WxErrorException {
        WxMpConfigStorage config = getWxMpConfigStorage();
        if (!forceRefresh && !config.isAccessTokenExpired()) {
            return config.getAccessToken();
        }
        Lock lock = config.getAccessTokenLock();
        lock.lock();
        try {
            if (!forceRefresh && !config.isAccessTokenExpired()) {
                return config.getAccessToken();
            }
            String response = config.isStableAccessToken()
                    ? doGetStableAccessTokenRequest(forceRefresh)
                    : doGetAccessTokenRequest();
            return extractAccessToken(response);
        } catch (IOException e) {
            throw new WxRuntimeException(e);
        } finally {
            lock.unlock();
        }
    }
}
