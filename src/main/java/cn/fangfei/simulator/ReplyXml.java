package cn.fangfei.simulator;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The top-level fields of a reply the portal sent, read with DTDs off like any XML from the network. */
final class ReplyXml {
    private ReplyXml() {
    }

    static Map<String, String> fields(String xml) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(xml));
            int depth = 0;
            String field = null;
            StringBuilder text = new StringBuilder();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT && ++depth == 2) {
                    field = reader.getLocalName();
                    text.setLength(0);
                } else if (event == XMLStreamConstants.END_ELEMENT && depth-- == 2) {
                    fields.put(field, text.toString());
                } else if (depth == 2 && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                    text.append(reader.getText());
                }
            }
            reader.close();
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("reply is not XML", e);
        }
        return fields;
    }
}
