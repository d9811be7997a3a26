package cn.fangfei.wechat;

import java.io.StringReader;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The first look at a body from WeChat (and at the message inside a safe-mode body): refuses anything
 * with a DTD (the XXE and entity-expansion family) before any XML parser sees it, checks the XML is
 * well formed with a parser that cannot load DTDs or external entities, and picks out the safe-mode
 * Encrypt element and the MsgId on the way. The MsgId is kept as text: it is an unsigned 64-bit number,
 * which WxJava's {@code Long} cannot hold from 2^63 on.
 */
final class InboundXml {
    private static final XMLInputFactory FACTORY = hardenedFactory();
    private static final Pattern MSG_ID = Pattern.compile("[0-9]{1,20}");

    private final String xml;
    private final String encrypt;
    private final String msgId;

    private InboundXml(String xml, String encrypt, String msgId) {
        this.xml = xml;
        this.encrypt = encrypt;
        this.msgId = msgId;
    }

    String xml() {
        return xml;
    }

    static InboundXml check(String xml) {
        if (declaresDtd(xml)) {
            throw PortalRejection.badRequest();
        }
        try {
            return scan(xml);
        } catch (XMLStreamException | RuntimeException e) {
            throw PortalRejection.badRequest();
        }
    }

    /** The Encrypt element under the root, present in safe mode. */
    Optional<String> encrypt() {
        return Optional.ofNullable(encrypt);
    }

    /** The MsgId element under the root: ordinary messages have one, events don't. */
    Optional<String> msgId() {
        return Optional.ofNullable(msgId);
    }

    private static boolean declaresDtd(String xml) {
        String upper = xml.toUpperCase(Locale.ROOT);
        return upper.contains("<!DOCTYPE") || upper.contains("<!ENTITY");
    }

    private static InboundXml scan(String xml) throws XMLStreamException {
        XMLStreamReader reader = FACTORY.createXMLStreamReader(new StringReader(xml));
        try {
            String encrypt = null;
            String msgId = null;
            boolean sawRoot = false;
            int depth = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw PortalRejection.badRequest();
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 1) {
                        if (sawRoot || !reader.getLocalName().equals("xml")) {
                            throw PortalRejection.badRequest();
                        }
                        sawRoot = true;
                    }
                    if (depth == 2 && reader.getLocalName().equals("Encrypt")) {
                        encrypt = reader.getElementText().strip();
                        depth--;
                    } else if (depth == 2 && reader.getLocalName().equals("MsgId")) {
                        msgId = reader.getElementText().strip();
                        if (!MSG_ID.matcher(msgId).matches()) {
                            throw PortalRejection.badRequest();
                        }
                        depth--;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            if (!sawRoot) {
                throw PortalRejection.badRequest();
            }
            return new InboundXml(xml, encrypt, msgId);
        } finally {
            reader.close();
        }
    }

    private static XMLInputFactory hardenedFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
