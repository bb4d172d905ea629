<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- Territoire: land surface temperature in °C, diverging ramp (RdYlBu reversed). The plugin re-spreads the stops around each output's median. -->
<qgis styleCategories="AllStyleCategories" hasScaleBasedVisibilityFlag="0" minScale="1e+08" version="3.22.16-Białowieża" maxScale="0">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal fetchMode="0" enabled="0" mode="0">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <customproperties>
    <Option type="Map">
      <Option value="Value" name="identify/format" type="QString"/>
    </Option>
  </customproperties>
  <pipe-data-defined-properties>
    <Option type="Map">
      <Option value="" name="name" type="QString"/>
      <Option name="properties"/>
      <Option value="collection" name="type" type="QString"/>
    </Option>
  </pipe-data-defined-properties>
  <pipe>
    <provider>
      <resampling maxOversampling="2" zoomedInResamplingMethod="nearestNeighbour" enabled="false" zoomedOutResamplingMethod="nearestNeighbour"/>
    </provider>
    <rasterrenderer type="singlebandpseudocolor" band="1" alphaBand="-1" nodataColor="" classificationMin="20" opacity="1" classificationMax="40">
      <minMaxOrigin>
        <limits>None</limits>
        <extent>WholeRaster</extent>
        <statAccuracy>Estimated</statAccuracy>
        <cumulativeCutLower>0.02</cumulativeCutLower>
        <cumulativeCutUpper>0.98</cumulativeCutUpper>
        <stdDevFactor>2</stdDevFactor>
      </minMaxOrigin>
      <rastershader>
        <colorrampshader clip="0" maximumValue="40" colorRampType="INTERPOLATED" minimumValue="20" classificationMode="2" labelPrecision="6">
          <colorramp name="[source]" type="gradient">
            <Option type="Map">
              <Option value="49,54,149,255" name="color1" type="QString"/>
              <Option value="165,0,38,255" name="color2" type="QString"/>
              <Option value="0" name="discrete" type="QString"/>
              <Option value="gradient" name="rampType" type="QString"/>
              <Option value="0.1;69,117,180,255:0.2;116,173,209,255:0.3;171,217,233,255:0.4;224,243,248,255:0.5;255,255,191,255:0.6;254,224,144,255:0.7;253,174,97,255:0.8;244,109,67,255:0.9;215,48,39,255" name="stops" type="QString"/>
            </Option>
            <prop k="color1" v="49,54,149,255"/>
            <prop k="color2" v="165,0,38,255"/>
            <prop k="discrete" v="0"/>
            <prop k="rampType" v="gradient"/>
            <prop k="stops" v="0.1;69,117,180,255:0.2;116,173,209,255:0.3;171,217,233,255:0.4;224,243,248,255:0.5;255,255,191,255:0.6;254,224,144,255:0.7;253,174,97,255:0.8;244,109,67,255:0.9;215,48,39,255"/>
          </colorramp>
          <item alpha="255" value="20" label="20.0 °C" color="#313695"/>
          <item alpha="255" value="22" label="22.0 °C" color="#4575b4"/>
          <item alpha="255" value="24" label="24.0 °C" color="#74add1"/>
          <item alpha="255" value="26" label="26.0 °C" color="#abd9e9"/>
          <item alpha="255" value="28" label="28.0 °C" color="#e0f3f8"/>
          <item alpha="255" value="30" label="30.0 °C" color="#ffffbf"/>
          <item alpha="255" value="32" label="32.0 °C" color="#fee090"/>
          <item alpha="255" value="34" label="34.0 °C" color="#fdae61"/>
          <item alpha="255" value="36" label="36.0 °C" color="#f46d43"/>
          <item alpha="255" value="38" label="38.0 °C" color="#d73027"/>
          <item alpha="255" value="40" label="40.0 °C" color="#a50026"/>
          <rampLegendSettings direction="0" minimumLabel="" prefix="" maximumLabel="" orientation="2" suffix="" useContinuousLegend="1">
            <numericFormat id="basic">
              <Option type="Map">
                <Option value="" name="decimal_separator" type="QChar"/>
                <Option value="6" name="decimals" type="int"/>
                <Option value="0" name="rounding_type" type="int"/>
                <Option value="false" name="show_plus" type="bool"/>
                <Option value="true" name="show_thousand_separator" type="bool"/>
                <Option value="false" name="show_trailing_zeros" type="bool"/>
                <Option value="" name="thousand_separator" type="QChar"/>
              </Option>
            </numericFormat>
          </rampLegendSettings>
        </colorrampshader>
      </rastershader>
    </rasterrenderer>
    <brightnesscontrast gamma="1" contrast="0" brightness="0"/>
    <huesaturation saturation="0" colorizeBlue="128" colorizeStrength="100" grayscaleMode="0" invertColors="0" colorizeRed="255" colorizeOn="0" colorizeGreen="128"/>
    <rasterresampler maxOversampling="2"/>
    <resamplingStage>resamplingFilter</resamplingStage>
  </pipe>
  <blendMode>0</blendMode>
</qgis>
