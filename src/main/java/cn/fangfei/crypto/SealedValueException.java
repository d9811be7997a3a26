package cn.fangfei.crypto;

/** A ciphertext that cannot be opened: tampered, copied to another context, or sealed with a key no longer configured. */
public class SealedValueException extends RuntimeException {
    public SealedValueException(String message) {
        super(message);
    }
}
