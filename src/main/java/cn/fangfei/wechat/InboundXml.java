package cn.fangfei.wechat;

import java.io.StringReader;
import java.util.Locale;
import java.util.Optional;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The first look at a body from WeChat: refuses anything with a DTD (the XXE and entity-expansion
 * family) before any XML parser sees it, checks the XML is well formed with a parser that cannot load
 * DTDs or external entities, and picks out the safe-mode Encrypt element on the way.
 */
final class InboundXml {
    private static final XMLInputFactory FACTORY = hardenedFactory();

    private final String encrypt;

    private InboundXml(String encrypt) {
        this.encrypt = encrypt;
    }

    static InboundXml check(String xml) {
        if (declaresDtd(xml)) {
            throw PortalRejection.badRequest();
        }
        try {
            return new InboundXml(scan(xml));
        } catch (XMLStreamException | RuntimeException e) {
            throw PortalRejection.badRequest();
        }
    }

    /** The Encrypt element under the root, present in safe mode. */
    Optional<String> encrypt() {
        return Optional.ofNullable(encrypt);
    }

    private static boolean declaresDtd(String xml) {
        String upper = xml.toUpperCase(Locale.ROOT);
        return upper.contains("<!DOCTYPE") || upper.contains("<!ENTITY");
    }

    private static String scan(String xml) throws XMLStreamException {
        XMLStreamReader reader = FACTORY.createXMLStreamReader(new StringReader(xml));
        try {
            String encrypt = null;
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
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            if (!sawRoot) {
                throw PortalRejection.badRequest();
            }
            return encrypt;
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
